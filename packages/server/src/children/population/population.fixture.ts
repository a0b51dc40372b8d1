import type { SimulatorCitizen } from './simulator.ts';

/** Two children the tests know by heart: An has a temporary residence besides the permanent one, Mai only the permanent. */
export const AN: SimulatorCitizen = {
  personalId: '040215000001',
  fullName: 'Nguyễn Văn An',
  birthDate: '2015-03-02',
  sex: 'male',
  permanent: { provinceCode: '40', communeCode: '16738', address: 'Bản Mường Nọc, Xã Quế Phong' },
  temporary: { provinceCode: '40', communeCode: '16681', address: 'Số 12 đường Lê Lợi, Phường Thành Vinh' },
};

export const MAI: SimulatorCitizen = {
  personalId: '040318000002',
  fullName: 'Đặng Thị Mai',
  birthDate: '2018-11-30',
  sex: 'female',
  permanent: { provinceCode: '40', communeCode: '16777', address: 'Khối 3, Xã Quỳ Châu' },
};

export const KEY = 'test-key-4f7a';

/** What a caller asks with: the citizen's identifying fields. */
export const queryOf = (c: SimulatorCitizen) => ({
  personalId: c.personalId,
  fullName: c.fullName,
  birthDate: c.birthDate,
  sex: c.sex,
});
