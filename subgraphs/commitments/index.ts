import './tracing';
import 'reflect-metadata';
import { runSubgraph } from '../../shared/http/run-subgraph';
import { commitmentsSubgraph } from './server';

runSubgraph(commitmentsSubgraph);
