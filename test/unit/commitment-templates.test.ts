import { currentVersion, nextVersion } from '../../subgraphs/commitments/rules/template-version';

describe('template versions', () => {
  const versions = [
    { version: 1, text: '第一版' },
    { version: 3, text: '第三版' },
    { version: 2, text: '第二版' },
  ];

  it('reads the highest version as current', () => {
    expect(currentVersion(versions)?.version).toBe(3);
    expect(currentVersion([])).toBeNull();
  });

  it('numbers a new text after the current one, and takes the current text again as a retry', () => {
    expect(nextVersion(versions, '第四版')).toEqual({ version: 4 });
    expect(nextVersion(versions, '第三版')).toEqual({ repeat: versions[1] });
    // An older text published again is a new version: the text in force changes back.
    expect(nextVersion(versions, '第一版')).toEqual({ version: 4 });
    expect(nextVersion([], '第一版')).toEqual({ version: 1 });
  });
});
