import { StreetGazetteerRow, streetOf } from '../../subgraphs/subjects/rules/street';
import { DEFAULT_STREET_GAZETTEER } from '../../subgraphs/subjects/rules/street-gazetteer-defaults';

const row = (road: string, street: string): StreetGazetteerRow => ({ road, street, source: 'test' });

describe('the 街道 of a registered address (subjects.street_gazetteer)', () => {
  it('finds the road after the district and gives its 街道', () => {
    expect(streetOf('苏州市姑苏区平江路12号', DEFAULT_STREET_GAZETTEER)).toBe('平江街道');
    expect(streetOf('江苏省苏州市姑苏区十全街88号3幢101室', DEFAULT_STREET_GAZETTEER)).toBe('双塔街道');
    expect(streetOf('苏州市姑苏区山塘街5号', DEFAULT_STREET_GAZETTEER)).toBe('虎丘街道');
  });

  it('takes the road that appears first, and the longest of two starting at the same place', () => {
    expect(streetOf('苏州市姑苏区人民路1号观前街口', DEFAULT_STREET_GAZETTEER)).toBe('双塔街道');
    const gazetteer = [row('干将路', 'A街道'), row('干将西路', '沧浪街道'), row('西路', 'B街道')];
    expect(streetOf('苏州市姑苏区干将西路9号', gazetteer)).toBe('沧浪街道');
    const nested = [row('白塔', 'X街道'), row('白塔东路', '平江街道')];
    expect(streetOf('苏州市姑苏区白塔东路9号', nested)).toBe('平江街道');
  });

  it('reads a road only after 姑苏区 (a name before it is not the address)', () => {
    expect(streetOf('平江路公司驻苏州市姑苏区三香路1号', DEFAULT_STREET_GAZETTEER)).toBe('沧浪街道');
  });

  it('takes the 街道 an address names before any road', () => {
    expect(streetOf('苏州市姑苏区金阊街道石路88号', DEFAULT_STREET_GAZETTEER)).toBe('金阊街道');
    expect(streetOf('苏州市姑苏区白洋湾街道办事处', DEFAULT_STREET_GAZETTEER)).toBe('白洋湾街道');
    // The 街道 named is the gazetteer's, not the characters before it.
    expect(streetOf('苏州市姑苏区城北苏锦街道苏站路1号', DEFAULT_STREET_GAZETTEER)).toBe('苏锦街道');
    expect(streetOf('苏州市姑苏区新区吴门桥街道', DEFAULT_STREET_GAZETTEER)).toBe('吴门桥街道');
  });

  it('keeps the road when the text after it merely ends in 街道', () => {
    expect(streetOf('苏州市姑苏区人民路1号双塔街道', DEFAULT_STREET_GAZETTEER)).toBe('双塔街道');
    expect(streetOf('苏州市姑苏区观前街道前街口', DEFAULT_STREET_GAZETTEER)).toBe('平江街道');
  });

  it('gives null outside 姑苏区, for an unknown road and for no address', () => {
    expect(streetOf('苏州市吴中区平江路1号', DEFAULT_STREET_GAZETTEER)).toBeNull();
    expect(streetOf('苏州市姑苏区无名路1号', DEFAULT_STREET_GAZETTEER)).toBeNull();
    expect(streetOf(null, DEFAULT_STREET_GAZETTEER)).toBeNull();
    expect(streetOf('苏州市姑苏区平江路1号', [])).toBeNull();
  });

  it('knows every road of the demo data, one 街道 each', () => {
    const roads = DEFAULT_STREET_GAZETTEER.map((r) => r.road);
    expect(new Set(roads).size).toBe(roads.length);
    const streets = new Set(DEFAULT_STREET_GAZETTEER.map((r) => r.street));
    expect(streets.size).toBe(8);
  });
});
