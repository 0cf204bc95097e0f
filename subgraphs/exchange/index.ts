import './tracing';
import 'reflect-metadata';
import { runSubgraph } from '../../shared/http/run-subgraph';
import { exchangeSubgraph } from './server';

runSubgraph(exchangeSubgraph);
