import { Child, h } from './dom';
import { errorsAt, GraphQLError } from './graphql-client';
import { label } from './labels';
import type { CreditEvaluation, HallSubject, SupervisionMeasures } from './operations';

/**
 * The applicant's profile, section by section. A section whose subgraph did not answer is
 * 暂不可用 with the reason — never shown as "none": a missing part costs its section only.
 */
function section(id: string, title: string, body: Child[], count?: string): HTMLElement {
  return h(
    'section',
    { class: 'profile-section', 'aria-labelledby': `${id}-title` },
    h('h3', { id: `${id}-title` }, title, count ? h('span', { class: 'count' }, count) : null),
    ...body,
  );
}

function unavailable(errors: GraphQLError[]): HTMLElement {
  const why =
    errors[0]?.extensions?.code === 'SUBGRAPH_UNAVAILABLE'
      ? '该部分数据服务暂时无法访问'
      : (errors[0]?.message ?? '未能取得数据');
  return h(
    'p',
    { class: 'unavailable', role: 'status' },
    h('strong', {}, '暂不可用'),
    `：${why}，请稍后重试（不代表“无记录”）`,
  );
}

const none = (text: string): HTMLElement => h('p', { class: 'none' }, text);

function table(headers: string[], rows: Child[][]): HTMLElement {
  return h(
    'table',
    {},
    h('thead', {}, h('tr', {}, ...headers.map((text) => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((cell) => h('td', {}, cell))))),
  );
}

/** One section from a field that is null when its owner is down. */
function part<T>(
  id: string,
  title: string,
  value: T | null,
  errors: GraphQLError[],
  render: (value: T) => { body: Child[]; count?: string },
): HTMLElement {
  if (value === null || value === undefined) return section(id, title, [unavailable(errors)]);
  const { body, count } = render(value);
  return section(id, title, body, count);
}

function basic(subject: HallSubject): HTMLElement {
  const rows: [string, string | null][] = [
    ['名称', subject.name],
    ['统一社会信用代码', subject.uscc],
    ['主体类别', label('SubjectKind', subject.kind)],
    ['登记状态', label('SubjectStatus', subject.status)],
    ['信用状态', subject.creditStatus === null ? '暂不可用' : label('CreditStatus', subject.creditStatus)],
    [
      '法定代表人 / 负责人',
      subject.legalRepresentative
        ? `${subject.legalRepresentative.name}${subject.legalRepresentative.idNumber ? `（${subject.legalRepresentative.idNumber}）` : ''}`
        : null,
    ],
    ['注册地址 / 住所', subject.registeredAddress],
    ['所属行业', subject.industry],
    ['成立日期', subject.establishedOn],
  ];
  return section('basic', '基本信息', [
    h('dl', { class: 'facts' }, ...rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value ?? '—')])),
    subject.usccWarning ? h('p', { class: 'warning' }, `代码提示：${subject.usccWarning}`) : null,
  ]);
}

/** An instant in China time, as the clerk reads it: 2026-12-02 13:05. */
function chinaTime(iso: string): string {
  const instant = Date.parse(iso);
  return Number.isNaN(instant) ? iso : new Date(instant + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** A share as a percentage, at most one decimal: 0.05 → 5%, 0.125 → 12.5%. */
function percent(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}

/**
 * A part whose field is null for two reasons: its source did not answer (an error at its path:
 * 暂不可用) or there is nothing to show (a subject that is not graded: `nothing`).
 */
function optionalPart<T>(
  id: string,
  title: string,
  value: T | null,
  errors: GraphQLError[],
  nothing: string,
  render: (value: T) => Child[],
): HTMLElement {
  if (errors.length > 0) return section(id, title, [unavailable(errors)]);
  return section(id, title, value === null || value === undefined ? [none(nothing)] : render(value));
}

/** 信用评价: the grade large, the score, the model, and each line of the explanation. */
function evaluationBody(evaluation: CreditEvaluation): Child[] {
  return [
    h(
      'p',
      { class: `grade grade-${evaluation.grade.toLowerCase()}`, 'data-grade': evaluation.grade },
      h('strong', { class: 'grade-letter' }, `${evaluation.grade} ${label('CreditGrade', evaluation.grade)}`),
      h('span', { class: 'grade-score' }, `得分 ${evaluation.score.toFixed(1)}`),
    ),
    h(
      'p',
      { class: 'grade-model' },
      `公共信用综合评价 · 模型 ${evaluation.modelVersion} · 评价时间 ${chinaTime(evaluation.evaluatedAt)}`,
    ),
    evaluation.explanation.length === 0
      ? none('无加减分项（基础分）')
      : h(
          'ul',
          { class: 'explanation' },
          ...evaluation.explanation.map((line) => h('li', { title: `依据：${line.source}` }, line.text)),
        ),
  ];
}

/** 监管措施: the spot-check share, 容缺受理, the verdict floor and the measures, with their basis. */
function supervisionBody(supervision: SupervisionMeasures): Child[] {
  const rows: [string, string][] = [
    [
      '适用等级 / 行业',
      `${supervision.grade} ${label('CreditGrade', supervision.grade)} · ${supervision.industry ?? '各行业'}`,
    ],
    ['双随机抽查比例', percent(supervision.spotCheckRatio)],
    ['容缺受理', supervision.tolerantAcceptance ? '可以容缺受理' : '不适用容缺受理'],
    ['比对结论不低于', supervision.verdictFloor ? label('Verdict', supervision.verdictFloor) : '—'],
    ['监管措施', supervision.measures.length > 0 ? supervision.measures.join('；') : '—'],
    ['依据', supervision.basis],
  ];
  return [
    h(
      'dl',
      { class: 'facts supervision' },
      ...rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]),
    ),
  ];
}

export function profileView(subject: HallSubject | null, errors: GraphQLError[]): HTMLElement[] {
  if (!subject) {
    const failed = errorsAt(errors, 'subject');
    return failed.length > 0 ? [section('basic', '基本信息', [unavailable(failed)])] : [];
  }
  const at = (field: string) => errorsAt(errors, 'subject', field);
  return [
    basic(subject),
    optionalPart(
      'evaluation',
      '信用评价',
      subject.creditEvaluation,
      at('creditEvaluation'),
      '暂无评价：仅评价有统一社会信用代码的市场主体（自然人不参与），新登记的主体待评价',
      evaluationBody,
    ),
    optionalPart(
      'supervision',
      '监管措施（分级分类监管）',
      subject.supervision,
      at('supervision'),
      '暂无适用的分级分类监管措施',
      supervisionBody,
    ),
    part('lists', '名单记录（有效）', subject.listEntries, at('listEntries'), (entries) => ({
      count: `${entries.length} 条`,
      body:
        entries.length === 0
          ? [none('无有效名单记录')]
          : [
              table(
                ['名单', '类别', '列入事由', '认定依据 / 文号', '认定单位', '认定日期', '有效期至'],
                entries.map((e) => [
                  label('CreditList', e.list),
                  e.listKind?.name ?? '—',
                  e.reason,
                  `${e.basis}（${e.decisionNo}）`,
                  e.decidedBy?.name ?? e.designatingAuthority,
                  e.decidedAt,
                  e.validUntil ?? '长期',
                ]),
              ),
            ],
    })),
    part('penalties', '行政处罚（公示中）', subject.penalties, at('penalties'), (page) => ({
      count: `${page.totalCount} 条`,
      body:
        page.nodes.length === 0
          ? [none('无公示中的行政处罚')]
          : [
              table(
                ['决定书文号', '处罚机关', '决定日期', '失信等级', '处罚内容', '公示截止'],
                page.nodes.map((p) => [
                  p.decisionNo,
                  p.authority?.name ?? '—',
                  p.decidedAt,
                  label('Severity', p.severity),
                  p.content,
                  p.publicityEndsAt,
                ]),
              ),
            ],
    })),
    part('licenses', '行政许可', subject.licenses, at('licenses'), (page) => ({
      count: `${page.totalCount} 条`,
      body:
        page.nodes.length === 0
          ? [none('无行政许可记录')]
          : [
              table(
                ['决定文书号', '许可证书名称', '许可机关', '决定日期', '有效期至'],
                page.nodes.map((l) => [
                  l.licenseNo,
                  l.title ?? '—',
                  l.authority?.name ?? '—',
                  l.decidedAt,
                  l.validUntil ?? '长期',
                ]),
              ),
            ],
    })),
    part('commitments', '信用承诺（履约中）', subject.commitments, at('commitments'), (items) => ({
      count: `${items.length} 项`,
      body:
        items.length === 0
          ? [none('无履约中的信用承诺')]
          : [
              table(
                ['承诺类别', '承诺事项', '签署日期', '有效期至', '状态'],
                items.map((c) => [
                  label('CommitmentKind', c.kind),
                  c.matter,
                  c.signedAt,
                  c.validUntil ?? '长期',
                  label('CommitmentStatus', c.status),
                ]),
              ),
            ],
    })),
    part('repairs', '信用修复', subject.repairCases, at('repairCases'), (cases) => ({
      count: `${cases.length} 件`,
      body:
        cases.length === 0
          ? [none('无信用修复案件')]
          : [
              table(
                ['修复对象', '状态', '申请时间'],
                cases.map((c) => [
                  label('RepairTarget', c.target),
                  label('RepairStatus', c.status),
                  c.submittedAt.slice(0, 10),
                ]),
              ),
            ],
    })),
  ];
}
