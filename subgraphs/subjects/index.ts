import './tracing';
import 'reflect-metadata';
import { runSubgraph } from '../../shared/http/run-subgraph';
import { subjectsSubgraph } from './server';

runSubgraph(subjectsSubgraph);
