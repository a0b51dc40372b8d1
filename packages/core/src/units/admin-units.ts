/** Administrative units as published by the statistics office (see server/data/admin-units/README.md). */
export interface Province {
  code: string;
  name: string;
}

export type CommuneType = 'Xã' | 'Phường' | 'Đặc khu';

export interface PredecessorUnit {
  code: string;
  name: string;
  /** Whether the old unit was merged whole or only partly into the new one. */
  extent: 'full' | 'partial';
}

export interface Commune {
  code: string;
  name: string;
  type: CommuneType;
  provinceCode: string;
  predecessors: PredecessorUnit[];
}

export class AdminUnitFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}, dòng ${line}: ${message}`);
  }
}

/** Splits a CSV without quoted fields (the statistics-office files have none) into records. */
function rows(text: string, file: string, header: string): string[][] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== header) {
    throw new AdminUnitFormatError(file, 1, `tiêu đề phải là "${header}" / header must be "${header}"`);
  }
  const width = header.split(',').length;
  const out: string[][] = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const cells = line.split(',');
    if (cells.length !== width) {
      throw new AdminUnitFormatError(file, i + 2, `cần ${width} cột, có ${cells.length} / expected ${width} columns`);
    }
    out.push(cells.map((c) => c.trim()));
  });
  return out;
}

const PROVINCE_CODE = /^\d{2}$/;
const COMMUNE_CODE = /^\d{5}$/;

export function parseProvinces(text: string, file = 'provinces.csv'): Province[] {
  return rows(text, file, 'province_code,province_name').map(([code = '', name = ''], i) => {
    if (!PROVINCE_CODE.test(code)) throw new AdminUnitFormatError(file, i + 2, `mã tỉnh "${code}" không hợp lệ`);
    return { code, name };
  });
}

export function parseCommunes(text: string, file = 'communes.csv'): Commune[] {
  const header = 'province_code,province_name,commune_code,commune_name,commune_type,old_units';
  return rows(text, file, header).map(([provinceCode = '', , code = '', name = '', type = '', old = ''], i) => {
    const line = i + 2;
    if (!PROVINCE_CODE.test(provinceCode)) throw new AdminUnitFormatError(file, line, `mã tỉnh "${provinceCode}" không hợp lệ`);
    if (!COMMUNE_CODE.test(code)) throw new AdminUnitFormatError(file, line, `mã xã "${code}" không hợp lệ`);
    if (type !== 'Xã' && type !== 'Phường' && type !== 'Đặc khu') {
      throw new AdminUnitFormatError(file, line, `loại đơn vị "${type}" không hợp lệ`);
    }
    const predecessors = old
      .split(';')
      .filter((s) => s !== '')
      .map((entry): PredecessorUnit => {
        const [oldCode = '', oldName = '', extent = ''] = entry.split(':');
        // a few special zones (đặc khu) replace a whole district: their predecessor has a 3-digit district code
        if (!/^\d{3,5}$/.test(oldCode) || (extent !== 'full' && extent !== 'partial')) {
          throw new AdminUnitFormatError(file, line, `đơn vị cũ "${entry}" không hợp lệ`);
        }
        return { code: oldCode, name: oldName, extent };
      });
    return { code, name, type, provinceCode, predecessors };
  });
}
