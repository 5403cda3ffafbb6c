// The local gateway answers as Alibaba's published tables say: every row of conformance-table.ts
// sent to a real gateway on 127.0.0.1, and the table checked against the published codes
// (docs/alibaba-data-plane.md, "Error codes") and the gateway's own behaviour table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_ERRORS, type GatewayErrorCode } from '../shared/gateway/cloud-behaviour';
import {
  CONFORMANCE_ROWS,
  MAX_BODY_BYTES,
  NOT_PRODUCED,
  REFERENCE_CODES,
  conformanceProject,
  conformanceSecrets,
} from './conformance-table';
import { closedPort, startGateway, type RunningGateway } from './test-support';

describe('the conformance table', () => {
  it('covers every published code: a row that provokes it, or the reason the gateway cannot give it', () => {
    const rowCodes = new Set<string>(CONFORMANCE_ROWS.map((row) => row.code));
    for (const code of REFERENCE_CODES) {
      expect(rowCodes.has(code) !== Object.hasOwn(NOT_PRODUCED, code), `${code}: exactly one of a row or a reason`).toBe(true);
    }
    expect(Object.keys(NOT_PRODUCED).filter((code) => !(REFERENCE_CODES as readonly string[]).includes(code))).toEqual([]);
  });

  it('has a row for every code the gateway marks documented, and only for those, with the status of the behaviour table', () => {
    const documented = Object.entries(GATEWAY_ERRORS).filter(([, spec]) => spec.evidence === 'documented').map(([code]) => code);
    const covered = new Set<string>([...CONFORMANCE_ROWS.map((row) => row.code), ...Object.keys(NOT_PRODUCED)]);
    expect(documented.filter((code) => !covered.has(code))).toEqual([]);
    for (const row of CONFORMANCE_ROWS) {
      const spec = GATEWAY_ERRORS[row.code as GatewayErrorCode];
      expect(spec.evidence, row.code).toBe('documented');
      expect(spec.status, row.code).toBe(row.status);
      expect(row.source.length, row.code).toBeGreaterThan(0);
    }
  });
});

describe('every row against a real gateway', () => {
  let gw: RunningGateway;

  beforeAll(async () => {
    gw = await startGateway(conformanceProject(await closedPort()), conformanceSecrets(), { maxBodyBytes: MAX_BODY_BYTES });
  });
  afterAll(() => gw?.close());

  it.each(CONFORMANCE_ROWS.map((row) => [`${row.code}: ${row.request}`, row] as const))('%s', async (_, row) => {
    const answer = await row.send({ port: gw.port });
    expect(answer.status).toBe(row.status);
    expect(answer.code).toBe(row.code);
    if (typeof row.message === 'string') expect(answer.message).toBe(row.message);
    else expect(answer.message).toMatch(row.message);
  });
});
