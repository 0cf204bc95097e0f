import {
  DEFAULT_STRING_LENGTH,
  FREE_TEXT_LENGTH,
  UPPER_LIST_SOURCE_KEY_LENGTH,
} from '../../shared/graphql/input-limits';
import type { ReportField } from '../../shared/reporting/fields';

/**
 * The columns of an upper-level list file (国家、省下发的联合惩戒对象名单: 失信被执行人,
 * 重大税收违法失信主体, a list the provincial platform pushes down), one entry per row, as
 * `importUpperLevelList` takes them (UpperListEntryInput). The source platform, the list kind and
 * the mode are the upload's `?source=&kind=&mode=`: one file is one source's list of one kind.
 */
export const UPPER_LIST_FIELDS: readonly ReportField[] = [
  {
    field: 'sourceKey',
    header: '来源编号',
    required: true,
    maxLength: UPPER_LIST_SOURCE_KEY_LENGTH,
    hint: '下发方的记录编号或案号; 同一来源同一类别内唯一',
  },
  { field: 'uscc', header: '统一社会信用代码', required: true, maxLength: 18, hint: '18位' },
  { field: 'name', header: '主体名称', required: true, maxLength: DEFAULT_STRING_LENGTH },
  { field: 'decidedOn', header: '认定日期', required: true, maxLength: 10, hint: 'YYYY-MM-DD' },
  { field: 'documentNumber', header: '认定文书号', required: true, maxLength: DEFAULT_STRING_LENGTH },
  {
    field: 'authority',
    header: '认定单位',
    required: true,
    maxLength: DEFAULT_STRING_LENGTH,
    hint: '如 苏州市中级人民法院、国家税务总局苏州市税务局稽查局',
  },
  { field: 'reason', header: '列入事由', required: true, maxLength: FREE_TEXT_LENGTH },
  { field: 'validUntil', header: '有效期至', required: false, maxLength: 10, hint: 'YYYY-MM-DD; 空 = 至来源移出' },
  { field: 'removed', header: '已移出', required: false, maxLength: 2, hint: '来源已移出时填“是” (增量文件)' },
];
