import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { SendOperation } from '../../ingest/gateway-client';
import { gradeDistributionCsvRouter } from '../../ingest/reports/grade-distribution-csv';

/** GET /reports/grade-distribution.csv in-process, over a stand-in for the gateway's gradeDistribution. */
let server: Server;
let url: string;
let asked: Record<string, unknown>[];
let answer: Awaited<ReturnType<SendOperation>>;

beforeAll(async () => {
  const send: SendOperation = async (query, variables, caller) => {
    expect(query).toContain('gradeDistribution(by: $by, industry: $industry, street: $street)');
    expect(caller).toMatchObject({ authorization: 'Bearer analyst', purpose: 'grade-distribution export' });
    asked.push(variables);
    return answer;
  };
  const app = express();
  app.use(gradeDistributionCsvRouter(send));
  server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/reports/grade-distribution.csv`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  asked = [];
  answer = {
    status: 200,
    data: {
      gradeDistribution: [
        { grade: 'A', industry: null, street: '双塔街道', subjects: 12 },
        { grade: 'D', industry: null, street: null, subjects: 3 },
      ],
    },
    errors: [],
    requestId: null,
  };
});

const get = (query = '', authorization = 'Bearer analyst') =>
  fetch(`${url}${query}`, { headers: authorization ? { authorization } : {} });

describe('GET /reports/grade-distribution.csv', () => {
  it('asks by the dimensions given, as the caller, and prints 全部 for the others and 未登记 for a missing value', async () => {
    const response = await get('?by=street,grade&industry=餐饮服务');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('grade-distribution-grade-street.csv');
    expect(asked).toEqual([{ by: ['GRADE', 'STREET'], industry: '餐饮服务', street: null }]);
    // With its BOM (fetch's text() would drop it), for Excel.
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())).toBe(
      '\uFEFF信用等级,等级名称,行业,街道,主体数\r\nA,优,全部,双塔街道,12\r\nD,差,全部,未登记,3\r\n',
    );
  });

  it('groups by all three when no dimension is given', async () => {
    await get();
    expect(asked[0].by).toEqual(['GRADE', 'INDUSTRY', 'STREET']);
  });

  it('refuses an unknown dimension and a request without a token, and keeps the gateway’s refusal', async () => {
    const bad = await get('?by=GRADE,COLOUR');
    expect(bad.status).toBe(400);
    expect((await get('', '')).status).toBe(401);
    answer = {
      status: 200,
      data: null,
      errors: [{ message: 'no', extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' } }],
      requestId: null,
    };
    expect((await get()).status).toBe(403);
    expect(asked).toHaveLength(1);
  });
});
