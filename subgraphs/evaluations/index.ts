import './tracing';
import 'reflect-metadata';
import { runSubgraph } from '../../shared/http/run-subgraph';
import { evaluationsSubgraph } from './server';

runSubgraph(evaluationsSubgraph);
