import { byId, h, replace } from './dom';
import { graphql, GraphQLAnswer, HALL_ENDPOINT } from './graphql-client';
import { verdictIcon } from './icons';
import { label } from './labels';
import { parseLookupInput } from './lookup-input';
import { measuresView } from './measures-view';
import {
  HALL_LOOKUP,
  HallLookupData,
  ISSUE_CREDIT_REPORT,
  IssuedReport,
  Measure,
  RECORD_MEASURE_APPLIED,
  SEARCH_SUBJECTS,
  SearchData,
} from './operations';
import { profileView } from './profile-view';
import { reportView } from './report-view';
import { installShortcuts } from './shortcuts';
import { gradeReasonOf, verdictOf } from './verdict';

/**
 * The hall window (/hall): look the applicant up, see the verdict for the matter first, the
 * measures with their legal basis, the profile, record 奖惩反馈 and issue the 信用审查报告.
 * Runs only when the page was rendered for a signed-in clerk (the lookup form is there).
 */
interface Current {
  uscc: string;
  screeningId: string | null;
}

let current: Current | null = null;
/** The newest lookup: an older answer arriving late (the matter was changed meanwhile) is dropped. */
let latest = 0;

const form = document.getElementById('lookup-form') as HTMLFormElement | null;
if (form) start(form);

function start(lookupForm: HTMLFormElement): void {
  const input = byId<HTMLInputElement>('lookup');
  installShortcuts({ lookup: input, onMatterChange: () => current && void lookUp(current.uscc) });
  lookupForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void submitLookup(input.value);
  });
  for (const radio of matterRadios()) radio.addEventListener('change', () => current && void lookUp(current.uscc));
  input.focus();
}

function matterRadios(): HTMLInputElement[] {
  return Array.from(document.querySelectorAll<HTMLInputElement>('input[name="matter"]'));
}

function matter(): { scenario: string; label: string } {
  const checked = matterRadios().find((radio) => radio.checked) ?? matterRadios()[0];
  return { scenario: checked.value, label: checked.dataset.label ?? checked.value };
}

function message(text: string, kind: 'info' | 'error' = 'info'): void {
  const box = byId('lookup-message');
  box.textContent = text;
  box.className = kind;
}

/** Refusals that mean "not signed in (any more)" when the session is gone, "no permission" when it is not. */
const REFUSALS = ['UNAUTHENTICATED', 'UNAUTHORIZED_FIELD_OR_TYPE', 'FORBIDDEN'];

async function stillSignedIn(): Promise<boolean> {
  try {
    const response = await fetch('/auth/session', {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    return ((await response.json()) as { signedIn?: boolean }).signedIn === true;
  } catch {
    // Cannot tell: the answer's own error is shown.
    return true;
  }
}

/**
 * A session that expired (or was signed out elsewhere) sends the clerk to sign in again, back to /hall.
 * Without a session the proxy asks as the public, so a refused field may mean either: /auth/session tells.
 */
async function signedOut(answer: GraphQLAnswer<unknown>): Promise<boolean> {
  const refused =
    answer.status === 401 || answer.errors.some((error) => REFUSALS.includes(error.extensions?.code ?? ''));
  if (!refused || (answer.status !== 401 && (await stillSignedIn()))) return false;
  replace(
    byId('verdict'),
    h(
      'p',
      { class: 'error', role: 'alert' },
      '登录已过期，请',
      h('a', { href: '/auth/login?return=/hall', id: 'sign-in-again' }, '重新登录'),
      '后再查询。',
    ),
  );
  document.getElementById('sign-in-again')?.focus();
  return true;
}

function firstError(answer: GraphQLAnswer<unknown>): string {
  return answer.errors[0]?.message ?? `HTTP ${answer.status}`;
}

async function submitLookup(raw: string): Promise<void> {
  const parsed = parseLookupInput(raw);
  replace(byId('candidates'));
  if (parsed.kind === 'invalid') {
    message(parsed.reason, 'error');
    return;
  }
  if (parsed.kind === 'uscc') {
    byId<HTMLInputElement>('lookup').value = parsed.uscc;
    message(parsed.warning ? `代码提示：${parsed.warning}（仍予查询）` : '');
    await lookUp(parsed.uscc);
    return;
  }
  message(`正在按名称检索“${parsed.search}”…`);
  const answer = await graphql<SearchData>(HALL_ENDPOINT, SEARCH_SUBJECTS, { search: parsed.search });
  if (await signedOut(answer)) return;
  const found = answer.data?.subjects;
  if (!found) {
    message(`检索失败：${firstError(answer)}`, 'error');
    return;
  }
  message(
    found.totalCount === 0
      ? `没有名称含“${parsed.search}”的主体`
      : `找到 ${found.totalCount} 个主体${found.totalCount > found.nodes.length ? `，显示前 ${found.nodes.length} 个` : ''}：请选择`,
  );
  const buttons = found.nodes.map((subject) => {
    const button = h(
      'button',
      { type: 'button', class: 'candidate', disabled: subject.uscc === null },
      h('span', { class: 'candidate-name' }, subject.name),
      h('span', { class: 'candidate-code' }, subject.uscc ?? '无统一社会信用代码'),
      h(
        'span',
        { class: 'candidate-kind' },
        `${label('SubjectKind', subject.kind)} · ${label('SubjectStatus', subject.status)}`,
      ),
    );
    button.addEventListener('click', () => {
      if (!subject.uscc) return;
      byId<HTMLInputElement>('lookup').value = subject.uscc;
      replace(byId('candidates'));
      message('');
      void lookUp(subject.uscc);
    });
    return h('li', {}, button);
  });
  replace(byId('candidates'), buttons.length > 0 ? h('ul', { class: 'candidates' }, ...buttons) : null);
  (byId('candidates').querySelector('button:not([disabled])') as HTMLButtonElement | null)?.focus();
}

async function lookUp(uscc: string): Promise<void> {
  const lookup = ++latest;
  current = { uscc, screeningId: null };
  const chosen = matter();
  const reference = byId<HTMLInputElement>('reference').value.trim();
  const verdictBox = byId('verdict');
  verdictBox.setAttribute('aria-busy', 'true');
  replace(verdictBox, h('p', { class: 'pending' }, `正在比对（${chosen.label}）…`));
  replace(byId('measures-slot'));
  replace(byId('report-slot'));
  replace(byId('profile-slot'));
  const answer = await graphql<HallLookupData>(
    HALL_ENDPOINT,
    HALL_LOOKUP,
    { uscc, scenario: chosen.scenario, reference: reference || null },
    chosen.label,
  );
  if (lookup !== latest) return;
  verdictBox.removeAttribute('aria-busy');
  if (await signedOut(answer)) return;
  const verdict = verdictOf(answer.data, answer.errors);
  const gradeReason = verdict.state === 'UNAVAILABLE' ? null : gradeReasonOf(verdict.result);
  current = { uscc, screeningId: verdict.result?.screeningId ?? null };
  const subject = answer.data?.subject ?? null;
  replace(
    verdictBox,
    h(
      'div',
      { class: `verdict-banner verdict-${verdict.state.toLowerCase()}`, 'data-verdict': verdict.state },
      verdictIcon(verdict.state),
      h(
        'div',
        { class: 'verdict-text' },
        h(
          'h2',
          { id: 'verdict-title', tabindex: '-1' },
          h('span', { class: 'verdict-label' }, '比对结论：'),
          verdict.title,
        ),
        h('p', { class: 'verdict-advice' }, verdict.advice),
        verdict.reason ? h('p', { class: 'verdict-reason' }, `原因：${verdict.reason}`) : null,
        verdict.result && verdict.result.verdictReasons.length > 0 && verdict.state !== 'UNAVAILABLE'
          ? h('p', { class: 'verdict-reasons' }, `结论理由：${verdict.result.verdictReasons.join('；')}`)
          : null,
        gradeReason ? h('p', { class: 'verdict-grade', title: `依据：${gradeReason.basis}` }, gradeReason.text) : null,
        h('p', { class: 'verdict-subject' }, `${subject?.name ?? ''} ${uscc} · 事项：${chosen.label}`),
        verdict.result && verdict.result.hits.length > 0
          ? h(
              'p',
              { class: 'verdict-hits' },
              `命中名单：${verdict.result.hits.map((hit) => `${label('CreditList', hit.list)}${hit.listKind ? `（${hit.listKind.name}）` : ''}`).join('、')}`,
            )
          : null,
      ),
    ),
  );
  if (verdict.result && verdict.state !== 'UNAVAILABLE' && verdict.state !== 'NOT_FOUND') {
    replace(byId('measures-slot'), measuresView(verdict.result.measures, recordFeedback));
  }
  // A report states the verdict: none is issued while the screening could not run.
  if (subject?.uscc && verdict.state !== 'UNAVAILABLE' && verdict.state !== 'NOT_FOUND') {
    replace(
      byId('report-slot'),
      reportView(chosen.label, (purpose) => issueReport(subject.uscc ?? uscc, chosen, purpose)),
    );
  } else if (subject?.uscc) {
    replace(
      byId('report-slot'),
      h('p', { class: 'warning', id: 'report-unavailable' }, '比对未完成，暂不能出具信用审查报告：请稍后重新查询。'),
    );
  }
  replace(byId('profile-slot'), ...profileView(subject, answer.errors));
  byId('verdict-title').focus();
}

async function recordFeedback(
  measure: Measure,
  outcome: 'APPLIED' | 'NOT_APPLIED',
  note: string,
): Promise<string | null> {
  if (!current?.screeningId) return '没有比对记录编号';
  const answer = await graphql<{ recordMeasureApplied: { id: string } | null }>(HALL_ENDPOINT, RECORD_MEASURE_APPLIED, {
    screeningId: current.screeningId,
    uscc: current.uscc,
    measure: measure.code,
    outcome,
    note: note || null,
  });
  if (await signedOut(answer)) return '登录已过期';
  return answer.data?.recordMeasureApplied ? null : firstError(answer);
}

async function issueReport(
  uscc: string,
  chosen: { scenario: string; label: string },
  purpose: string,
): Promise<IssuedReport | string> {
  const answer = await graphql<{ issueCreditReport: IssuedReport | null }>(
    HALL_ENDPOINT,
    ISSUE_CREDIT_REPORT,
    { uscc, scenario: chosen.scenario, matter: chosen.label, purpose: purpose || null },
    chosen.label,
  );
  if (await signedOut(answer)) return '登录已过期，请重新登录';
  return answer.data?.issueCreditReport ?? firstError(answer);
}
