import './tracing';
import 'reflect-metadata';
import { runSubgraph } from '../../shared/http/run-subgraph';
import { sanctionsSubgraph } from './server';

runSubgraph(sanctionsSubgraph);
