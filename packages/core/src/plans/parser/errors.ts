/** Thrown for a file that cannot be read as a plan at all (empty, binary, not a .docx, too large). */
export class PlanFileError extends Error {
  constructor(
    readonly reason: 'empty' | 'binary' | 'not-docx' | 'unsupported-type' | 'too-large',
    readonly detail: { vi: string; en: string },
  ) {
    super(detail.en);
    this.name = 'PlanFileError';
  }
}
