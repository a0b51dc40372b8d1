/**
 * Official names that contain the separators of a body list ("," ";" "và" "-"), so a list is not
 * cut inside them: "Sở Văn hóa, Thể thao và Du lịch" is one body, "các sở, ban, ngành" one group.
 * Patterns run on folded text (no diacritics, lower case: see fold.ts), so "hoá"/"hóa",
 * "Uỷ"/"Ủy" and capitals all match. Add a line here when a province writes a name that gets cut.
 * Names without a separator inside ("Sở Y tế", "Ban Dân tộc") need no entry.
 */
const UNIT = '(?:tinh|huyen|xa|phuong|quan|thi xa|thanh pho|thi tran|dac khu)';
const GROUP = '(?:so|phong|ban|nganh|co quan|don vi|hoi|doan the|dia phuong|to chuc|ca nhan|doanh nghiep|truong hoc|co so)';
const AND = '(?:va|&)';

export const PROTECTED_NAMES: RegExp[] = [
  /lao dong\s*[-–,]?\s*thuong binh\s*(?:va|&)\s*xa hoi/g,
  /van hoa\s*[,-–]?\s*the thao\s*(?:va|&|[-–])\s*du lich(?:\s*(?:va|&)\s*truyen thong)?/g,
  /van hoa\s*[-–]\s*the thao(?:\s*(?:va|&)\s*(?:du lich|truyen thong))?/g,
  /van hoa\s*,?\s*khoa hoc\s*(?:va|&)\s*thong tin/g,
  /van hoa\s*[-–,]?\s*thong tin(?:\s*(?:va|&)\s*the thao)?/g,
  new RegExp(`giao duc ${AND} dao tao`, 'g'),
  new RegExp(`khoa hoc ${AND} cong nghe`, 'g'),
  new RegExp(`nong nghiep ${AND} (?:phat trien nong thon|moi truong)`, 'g'),
  new RegExp(`tai nguyen ${AND} moi truong`, 'g'),
  new RegExp(`thong tin ${AND} truyen thong`, 'g'),
  new RegExp(`ke hoach ${AND} dau tu`, 'g'),
  new RegExp(`dan toc ${AND} ton giao`, 'g'),
  new RegExp(`tuyen giao ${AND} dan van`, 'g'),
  new RegExp(`kinh te\\s*,?\\s*ha tang ${AND} do thi`, 'g'),
  /tai chinh\s*[-–]\s*ke hoach/g,
  /y te\s*[-–]\s*dan so/g,
  /(?:phat|truyen) thanh\s*(?:va|&|[-–])\s*truyen hinh/g,
  /to chuc chinh tri\s*[-–]\s*xa hoi(?:\s*[-–]\s*nghe nghiep)?/g,
  /uy ban mat tran to quoc viet nam/g,
  // names holding a word that otherwise ends a list ("xây dựng", "chỉ đạo", "truyền thông")
  /\bso xay dung\b/g,
  /\bban chi dao\b/g,
  /\bco quan (?:canh sat )?dieu tra\b/g,
  /\bhoi bao ve quyen tre em\b/g,
  /\bban bao ve,? cham soc suc khoe\b/g,
  /\btrung tam (?:[a-z]+ ){0,3}truyen thong\b/g,
  // "Văn phòng HĐND và UBND xã", "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh"
  /van phong (?:doan (?:dbqh|dai bieu quoc hoi)\s*,?\s*)?(?:hdnd|hoi dong nhan dan)\s*(?:va|&)\s*(?:ubnd|uy ban nhan dan)/g,
  // "UBND các huyện, thị xã, thành phố", "Ủy ban nhân dân các xã, phường, thị trấn"
  new RegExp(`(?:ubnd|uy ban nhan dan)(?: (?:cac|cap))? ${UNIT}(?:\\s*(?:,|${AND})\\s*${UNIT})+`, 'g'),
  new RegExp(`cac ${UNIT}(?:\\s*(?:,|${AND})\\s*${UNIT})+`, 'g'),
  // "các sở, ban, ngành", "Các Phòng, ban, ngành", "các cơ quan, đơn vị, địa phương"
  // Not the "hội" that ends "xã hội": "… Thương binh và Xã hội, Hội Liên hiệp Phụ nữ" is two bodies.
  new RegExp(`(?<!xa )(?:cac )?${GROUP}(?:\\s*,\\s*${GROUP}(?=[\\s,;.]|$))+`, 'g'),
  new RegExp(`(?<!xa )${GROUP}(?:\\s*,\\s*${GROUP})*,? ${AND} ${GROUP}(?= lien quan| co lien quan)`, 'g'),
];

/**
 * Words that start a new body after a comma or "và": agency kinds (capitalised as written),
 * and "các"/"những" groups. "Sở Giáo dục và Đào tạo" is not cut because "Đào" is none of them.
 */
export const BODY_START =
  /^(?:Sở|Phòng|Ban|UBND|Ủy ban|Uỷ ban|ủy ban|uỷ ban|Công an|công an|Hội|Đoàn|Tỉnh [đĐ]oàn|Huyện [đĐ]oàn|Thành [đĐ]oàn|Trung tâm|Bộ|Liên đoàn|Đài|Báo|Bảo hiểm|Cục|Chi cục|Tổng cục|Viện|Tòa|Toà|Mặt trận|Ngân hàng|Thanh tra|Văn phòng|Bệnh viện|Kho bạc|Quỹ|Hạt|Trạm|Trường|Học viện|Lực lượng|Bộ đội|Cơ quan|Công chức|Cán bộ|Trưởng|Hội đồng|Liên minh|Chủ tịch|Các|các|Những|những|Thường trực|MTTQ|HĐND|Cổng|Đồn|Chi đoàn|Chi hội|Chi bộ|Tổ|Nhà|Ngành|Y tế|Viễn thông|Bưu điện|Điện lực|Công ty|Hợp tác xã|Doanh nghiệp)(?=[\s,;.]|$)/;
