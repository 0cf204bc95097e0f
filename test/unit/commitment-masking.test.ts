import { maskPersonName } from '../../shared/identifiers/person-name';
import { signatoryNameFor } from '../../subgraphs/commitments/rules/mask-name';

describe('masking a natural person’s name', () => {
  it('keeps the first character and stars the others', () => {
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('张小明')).toBe('张**');
    expect(maskPersonName('欧阳娜娜')).toBe('欧***');
    expect(maskPersonName('买买提·艾力')).toBe('买*****');
    expect(maskPersonName('李')).toBe('*');
    expect(maskPersonName('  王五 ')).toBe('王*');
    expect(maskPersonName('')).toBe('');
  });

  it('masks only a person (no 统一社会信用代码), and only for a reader without credit:read', () => {
    expect(signatoryNameFor({ name: '张小明', uscc: null }, false)).toBe('张**');
    expect(signatoryNameFor({ name: '张小明', uscc: null }, true)).toBe('张小明');
    expect(signatoryNameFor({ name: '苏州姑苏某某餐饮有限公司', uscc: '91320508MA1XXXXXXX' }, false)).toBe(
      '苏州姑苏某某餐饮有限公司',
    );
  });
});
