import { checkUscc } from '../../shared/identifiers/uscc';
import { listingCodeProblem } from '../../subgraphs/sanctions/rules/listable-code';

describe('which codes a list entry may name', () => {
  it('takes a valid code, and a checksum-only failure of a known subject', () => {
    expect(listingCodeProblem(checkUscc('914403001922038216'), false)).toBeNull();
    // 厦门黑脉网络科技有限公司 (hutool issue #2020), reported with 已核实 and so known.
    expect(listingCodeProblem(checkUscc('91350203M0001FUE2P'), true)).toBeNull();
  });

  it('refuses a checksum-only failure nobody confirmed, and any structural failure', () => {
    expect(listingCodeProblem(checkUscc('91350203M0001QKT19'), false)).toContain('未经报送部门核实');
    expect(listingCodeProblem(checkUscc('123456789012345678'), true)).toContain('行政区划码');
    expect(listingCodeProblem(checkUscc('000000000000000000'), true)).toContain('登记管理部门代码');
  });
});
