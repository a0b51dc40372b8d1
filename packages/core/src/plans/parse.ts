// STUB — replaced by the parser. Signatures are the contract.
import type { PlanParseResult } from './plan-format.ts';

/** Thrown for a file that cannot be read as a plan at all (empty, binary, not a .docx, too large). */
export class PlanFileError extends Error {
  constructor(
    readonly reason: 'empty' | 'binary' | 'not-docx' | 'unsupported-type' | 'too-large',
    readonly detail: { vi: string; en: string },
  ) {
    super(detail.en);
  }
}

/** Text of a .txt or .docx file, normalised (NFC, \n line ends, no BOM). */
export function extractPlanText(_fileName: string, _bytes: Uint8Array): string {
  throw new Error('not implemented');
}

/** Reads plan text into tre.plan/v1. Pure and total: never throws on any string. */
export function parsePlanText(_text: string): PlanParseResult {
  throw new Error('not implemented');
}

export function parsePlanFile(fileName: string, bytes: Uint8Array): PlanParseResult {
  return parsePlanText(extractPlanText(fileName, bytes));
}
