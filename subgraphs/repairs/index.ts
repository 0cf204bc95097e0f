import './tracing';
import 'reflect-metadata';
import { runSubgraph } from '../../shared/http/run-subgraph';
import { repairsSubgraph } from './server';

runSubgraph(repairsSubgraph);
