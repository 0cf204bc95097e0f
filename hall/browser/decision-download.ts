import { graphql, HALL_ENDPOINT } from './graphql-client';
import { DecisionDocument, ISSUE_DECISION_DOCUMENT } from './operations';

/** 决定书 kinds (DecisionKind): a repair case's 信用修复决定书, an objection case's 异议处理决定书. */
export type DecisionKind = 'REPAIR' | 'OBJECTION';

/**
 * Issues (or fetches again: one document per case) the decided case's 决定书 as the signed-in
 * subject and saves it: base64 → Blob → a same-origin object URL on an <a download>, revoked after.
 */
export async function downloadDecision(kind: DecisionKind, caseId: string): Promise<DecisionDocument | string> {
  const answer = await graphql<{ issueDecisionDocument: DecisionDocument | null }>(
    HALL_ENDPOINT,
    ISSUE_DECISION_DOCUMENT,
    { kind, caseId },
  );
  const document = answer.data?.issueDecisionDocument;
  if (!document) return answer.errors[0]?.message ?? `HTTP ${answer.status}`;
  const binary = atob(document.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: document.contentType }));
  const link = window.document.createElement('a');
  link.href = url;
  link.download = document.filename;
  link.hidden = true;
  window.document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has taken the bytes by then; the URL is not needed after.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return document;
}
