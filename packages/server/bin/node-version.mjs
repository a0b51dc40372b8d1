// Which Node.js Tre runs on. Tre is built and tested on Node 22 and 24 (LTS); Node 20 still starts it,
// but its security fixes ended on 2026-04-30, so the person running it is told, in both languages.
const EOL = { 18: '2025-04-30', 20: '2026-04-30' };

/** The warning to print for this Node major, or null when it is supported. */
export function nodeVersionWarning(version = process.versions.node) {
  const major = Number(version.split('.')[0]);
  if (major >= 22) return null;
  const since = EOL[major] ? ` (${EOL[major]})` : '';
  return (
    `\n  Cảnh báo: Node.js ${version} đã hết hạn hỗ trợ${since} và không còn được vá lỗi bảo mật. ` +
    'Hãy cài Node.js 22 hoặc 24 (LTS).\n' +
    `  Warning: Node.js ${version} is past its end of life${since} and gets no more security fixes. ` +
    'Install Node.js 22 or 24 (LTS).\n\n'
  );
}
