/**
 * The model behind `scorePair` (Fellegi–Sunter, with a third class). A pair of records is either
 * one child entered twice (SAME), two children of one household — siblings, twins (SIBLING) — or
 * two unrelated children (UNRELATED). Each field's outcome ("birth dates equal", "given names
 * differ") has a probability under each class; fields are taken as independent within a class.
 * The weight of an outcome against a class is log2(P(outcome | SAME) / P(outcome | class)).
 *
 * Why a sibling class: parents' names, family name, commune and address all agree for siblings, so
 * under plain two-class Fellegi–Sunter twins look like the strongest duplicates of all. Against the
 * sibling class those fields weigh nothing, and what tells two siblings apart — the given name,
 * and the birth date unless they are twins — decides.
 *
 * Probabilities under UNRELATED are shares of the register where a share exists (how many children
 * are called Xoan, born in 2015, live in the commune: `frequencies.ts`); the others, and those under
 * SAME and SIBLING, are the rates below — judgements of how registers are typed, stated once here.
 */

/** Priors: how many duplicate and sibling pairs a register holds per record. */
export const PRIOR = {
  /** a register where about one record in twenty has a second copy */
  duplicatesPerRecord: 0.05,
  /** a child under 16 has about 0.7 siblings under 16 (about two children per family): 0.35 pairs per record */
  siblingPairsPerRecord: 0.35,
} as const;

/** P(outcome | SAME): how the second entry of one child differs from the first. */
export const SAME = {
  given: {
    equal: 0.9,
    /** same letters, other diacritics, both typed with diacritics: a wrong tone mark */
    accent: 0.02,
    /** typed by ear: Trung/Chung, Sương/Xương, Vy/Vi */
    sound: 0.03,
    /** a lost, doubled, swapped or wrong letter */
    slip: 0.03,
    /** another name altogether (a nickname, a mix-up): rare, and what twins look like */
    different: 0.005,
  },
  family: { equal: 0.95, variant: 0.005, sound: 0.01, slip: 0.015, different: 0.02 },
  middle: {
    equal: 0.85,
    /** Nguyễn Nhung for Nguyễn Thị Nhung */
    missing: 0.05,
    /** Nguyễn Hồng Nhung for Nguyễn Thị Hồng Nhung */
    leftOut: 0.03,
    /** given that one record abbreviates a middle name (T. for Thị), the other fits it */
    fits: 0.95,
    sound: 0.03,
    /** a wholly other middle name: rare, and how siblings with compound names look (Minh Anh, Ngọc Anh) */
    different: 0.01,
  },
  date: {
    equal: 0.85,
    /** 07/03 read as 03/07: spreadsheets in the US format */
    swapped: 0.04,
    /** within NEAR_DAYS days */
    near: 0.04,
    /** one of day, month, year wrong */
    onePart: 0.04,
    sameYear: 0.015,
    other: 0.015,
  },
  sexDiffers: 0.03,
  /** the child moved, or was entered by the commune it came from */
  communeDiffers: 0.15,
  /** a parent's name is seldom wholly other: a step-parent, or the carer typed as the mother */
  parent: { equal: 0.87, similar: 0.1, different: 0.03 },
  /**
   * IDs are typed: about one digit in 200 wrong, so one wrong or swapped digit in 2.5% of copies and
   * two in 0.4%; a whole other valid number (province, sex and year digits must fit the child) is rare.
   */
  id: { equal: 0.97, oneDigit: 0.025, twoDigits: 0.004, different: 0.0005 },
} as const;

/** P(outcome | SIBLING): two children of one household. */
export const SIBLING = {
  /**
   * Siblings share the last word of a name only with another middle name (Minh Anh and Ngọc Anh,
   * given names of two words); a whole name twice in one family is rare. Twins often get near
   * names (Minh/Mạnh, Lan/Huệ).
   */
  given: { equal: 0.055, accent: 0.01, sound: 0.01, slip: 0.01, different: 0.915 },
  family: { equal: 0.9, variant: 0.01, sound: 0.005, slip: 0.005, different: 0.08 },
  middle: { equal: 0.45, missing: 0.05, leftOut: 0.03, fits: 0.5, sound: 0.05, different: 0.5 },
  /** the middle names of siblings whose given names are the same word */
  middleGivenShared: { equal: 0.09, different: 0.91 },
  /** twins: about one child in forty is a twin, so about one sibling pair in thirty */
  date: { equal: 0.036, swapped: 0.0005, near: 0.002, onePart: 0.02, sameYear: 0.04, other: 0.9 },
  sexDiffers: 0.5,
  communeDiffers: 0.1,
  /** half-siblings and cousins raised together */
  parent: { equal: 0.85, similar: 0.05, different: 0.1 },
  /** a sibling's ID copied; consecutive numbers for twins registered together */
  id: { equal: 0.002, oneDigit: 0.01, twoDigits: 0.01, different: 0.978 },
} as const;

/** P(outcome | UNRELATED) where the register has no share to give. */
export const UNRELATED = {
  /** of the records with the same folded given name and diacritics, those with other diacritics */
  accentShare: 0.3,
  /** slips of a name, as a share of that name's records */
  slipShare: 0.03,
  /** middle names that fit an abbreviation (T. for Thị, Thanh, Thu…): about twice the share of the full one */
  fitsSlack: 2,
  familySound: 0.005,
  /** two unrelated children with one ID: a data error */
  id: { equal: 1e-6, oneDigit: 1e-5, twoDigits: 1e-4 },
  /** names near a parent's name, as a multiple of that exact name's share */
  parentSimilarFactor: 20,
  /** two children with the same given name are of the same sex, except the few names given to both */
  sexAgreesWithSameName: 0.9,
} as const;

/** Birth dates this many days apart or fewer are "near". */
export const NEAR_DAYS = 3;

/** No outcome is taken as impossible. */
export const MIN_PROBABILITY = 1e-12;
