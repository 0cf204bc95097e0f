import { IngestError } from '../../ingest/files/errors';
import type { GatewayAnswer, SendOperation } from '../../ingest/gateway-client';
import { identifyThrough } from '../../ingest/upload/identify';

/** A token's payload as the gateway accepted it (the signature is the gateway's concern, not read here). */
function token(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `Bearer ${part({ alg: 'HS256' })}.${part(claims)}.signature`;
}

function answering(answer: Partial<GatewayAnswer>): { send: SendOperation; calls: Parameters<SendOperation>[] } {
  const calls: Parameters<SendOperation>[] = [];
  const send: SendOperation = async (...call) => {
    calls.push(call);
    return { status: 200, data: { __typename: 'Query' }, errors: [], requestId: 'req-1', ...answer };
  };
  return { send, calls };
}

describe('who uploads: asked of the gateway before the upload is read', () => {
  it('passes the caller’s token and request id to the gateway, and reads the roles, scopes and org of the token it accepted', async () => {
    const { send, calls } = answering({});
    const authorization = token({ sub: 'u1', name: '张三', org: 'gusu.scjgj', roles: ['department'] });
    const uploader = await identifyThrough(send)(authorization, 'req-1');
    expect(calls).toEqual([['{ __typename }', {}, { authorization, requestId: 'req-1', purpose: 'file ingest' }]]);
    expect(uploader.requestId).toBe('req-1');
    expect(uploader.principal).toMatchObject({
      sub: 'u1',
      name: '张三',
      org: 'gusu.scjgj',
      roles: ['department'],
      authenticated: true,
    });
    expect(uploader.principal.scopes).toContain('records:write');
  });

  it('is the public without a token, under the request id the gateway gave', async () => {
    const uploader = await identifyThrough(answering({ requestId: 'made-by-gateway' }).send)(undefined, undefined);
    expect(uploader).toMatchObject({ requestId: 'made-by-gateway', principal: { authenticated: false } });
  });

  it.each([
    [
      401,
      { message: 'token expired', extensions: { code: 'UNAUTHENTICATED' } },
      { status: 401, code: 'UNAUTHENTICATED' },
    ],
    [
      403,
      { message: "org 'x' is not a department", extensions: { code: 'FORBIDDEN', claim: 'org' } },
      { status: 403, code: 'FORBIDDEN', extensions: { claim: 'org' } },
    ],
    [
      400,
      {
        message: 'x-request-id: …',
        extensions: { code: 'BAD_USER_INPUT', header: 'x-request-id', http: { status: 400 } },
      },
      { status: 400, code: 'BAD_USER_INPUT', extensions: { header: 'x-request-id' } },
    ],
    [
      503,
      { message: 'the department directory could not be read', extensions: { code: 'SERVICE_UNAVAILABLE' } },
      { status: 401, code: 'SERVICE_UNAVAILABLE' },
    ],
  ])('passes on the gateway’s refusal %s', async (status, error, refusal) => {
    const identify = identifyThrough(answering({ status, data: null, errors: [error], requestId: null }).send);
    const thrown = await identify('Bearer x', undefined).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(IngestError);
    expect(thrown).toMatchObject({ message: error.message, ...refusal });
    expect((thrown as IngestError).extensions).not.toHaveProperty('http');
  });
});
