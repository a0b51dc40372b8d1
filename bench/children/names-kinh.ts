/**
 * Kinh names for the synthetic register: family names with their approximate national shares (%),
 * middle names, and given names by sex in rough order of popularity among children born 2010–2026
 * (drawn with Zipf-like weights by rank). Regional pairs (Hoàng/Huỳnh, Vũ/Võ) are split by province.
 */

/** Family names and national shares in percent; the head of the list follows the usual survey figures. */
export const FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 5], // Huỳnh in the south: see regionalFamily
  ['Phan', 4.5],
  ['Vũ', 3.9], // Võ in the centre and south
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  // the long tail: about 11.5 % together
  ['Đinh', 0.9],
  ['Trịnh', 0.8],
  ['Đào', 0.7],
  ['Trương', 0.7],
  ['Lâm', 0.55],
  ['Mai', 0.5],
  ['Đoàn', 0.5],
  ['Cao', 0.45],
  ['Lương', 0.4],
  ['Hà', 0.4],
  ['Tạ', 0.35],
  ['Chu', 0.3],
  ['Thái', 0.3],
  ['Lưu', 0.3],
  ['Tô', 0.28],
  ['Kiều', 0.25],
  ['Quách', 0.22],
  ['Phùng', 0.22],
  ['Lại', 0.2],
  ['Vương', 0.2],
  ['Triệu', 0.18],
  ['Châu', 0.18],
  ['Thân', 0.16],
  ['Tăng', 0.15],
  ['Từ', 0.14],
  ['La', 0.14],
  ['Mạc', 0.12],
  ['Giang', 0.12],
  ['Nghiêm', 0.12],
  ['Khổng', 0.1],
  ['Đàm', 0.1],
  ['Hứa', 0.1],
  ['Tống', 0.1],
  ['Doãn', 0.09],
  ['Âu', 0.08],
  ['Lục', 0.08],
  ['Diệp', 0.07],
  ['Bạch', 0.07],
  ['Ông', 0.06],
  ['Khúc', 0.06],
  ['Thạch', 0.06],
  ['Lã', 0.06],
  ['Phó', 0.05],
  ['Tôn', 0.05],
  ['Hầu', 0.04],
  ['Kim', 0.04],
  ['Văn', 0.04],
  ['Chế', 0.03],
  ['Ninh', 0.03],
  ['Cù', 0.03],
  ['Viên', 0.03],
  ['Bế', 0.03],
  ['Mẫn', 0.02],
  ['Lạc', 0.02],
  ['Nông', 0.02],
  ['Quan', 0.02],
  ['Lò', 0.02],
];

/** The regional spelling of a family name: Hoàng → Huỳnh, Vũ → Võ in the centre and the south. */
export function regionalFamily(name: string, provinceCode: string, southShare: (code: string) => number, u: number): string {
  if (name !== 'Hoàng' && name !== 'Vũ') return name;
  if (u >= southShare(provinceCode)) return name;
  return name === 'Hoàng' ? 'Huỳnh' : 'Võ';
}

/** The share of Huỳnh/Võ among Hoàng+Huỳnh and Vũ+Võ by province code (north low, south high). */
export function southShare(code: string): number {
  const n = Number(code);
  if (n < 38) return 0.05;
  if (n <= 42) return 0.45; // Thanh Hóa, Nghệ An, Hà Tĩnh: Võ is common, Huỳnh is not
  if (n <= 68) return 0.7;
  return 0.9;
}

export const MIDDLE_MALE: readonly (readonly [string, number])[] = [
  ['Văn', 40],
  ['Đức', 7],
  ['Minh', 8],
  ['Gia', 5],
  ['Quang', 4],
  ['Hữu', 4],
  ['Công', 3],
  ['Đình', 3],
  ['Thành', 2],
  ['Bảo', 4],
  ['Hoàng', 3],
  ['Anh', 2],
  ['Tuấn', 2],
  ['Xuân', 2],
  ['Ngọc', 1.5],
  ['Thanh', 2],
  ['Trọng', 1.5],
  ['Hải', 1.5],
  ['Duy', 1.5],
  ['Khánh', 1.5],
  ['Trung', 1],
  ['Nhật', 1.5],
  ['Phúc', 1],
  ['Đăng', 1],
  ['Tiến', 1],
  ['Mạnh', 1],
  ['Thế', 1],
  ['Hoài', 0.8],
];

export const MIDDLE_FEMALE: readonly (readonly [string, number])[] = [
  ['Thị', 42],
  ['Ngọc', 7],
  ['Thu', 4],
  ['Thanh', 4],
  ['Minh', 4],
  ['Bảo', 3],
  ['Khánh', 3],
  ['Hoài', 2],
  ['Phương', 2],
  ['Thùy', 3],
  ['Mai', 2],
  ['Kim', 2],
  ['Diệu', 1.5],
  ['Quỳnh', 1.5],
  ['Hà', 1.5],
  ['Hồng', 1.5],
  ['Gia', 1.5],
  ['Tuệ', 1],
  ['Hải', 1],
  ['Cẩm', 1],
  ['Yến', 1],
  ['Bích', 1],
  ['Tường', 0.8],
  ['Lan', 0.8],
  ['Hoàng', 0.8],
  ['Vân', 0.8],
  ['Nhã', 0.8],
  ['An', 0.8],
];

/** Boys' given names, most popular first (over 150). */
export const GIVEN_MALE: readonly string[] = (
  'Minh Anh Huy Khang Bảo Phúc Nam Đức Khoa Quân Long Hoàng Duy Kiên Tuấn An Dũng Hùng Thắng Thành ' +
  'Hiếu Hải Phong Trung Tùng Vinh Sơn Lâm Nhật Quang Tài Tiến Toàn Trí Tú Việt Vũ Hưng Khánh Khôi ' +
  'Đạt Định Hào Hậu Hiển Hòa Kiệt Lộc Luân Mạnh Nghĩa Ngọc Nguyên Nhân Phát Phú Phương Quốc Sang Tâm ' +
  'Tân Thái Thiện Thịnh Thông Tín Trọng Trường Tuệ Uy Bách Bình Cường Chiến Công Danh Dương Đăng Điền Đông ' +
  'Giang Hiệp Hoan Học Hợp Huân Hướng Khải Khiêm Khương Kỳ Lân Linh Lợi Lực Luật Nhất Ninh Phi Phước ' +
  'Quý Quyết Sỹ Tấn Thạch Thanh Thăng Thuận Thức Tiệp Tình Toản Trình Trực Tuyên Tường Vĩ Vương Vượng Vỹ ' +
  'Xuân Cảnh Chính Chương Khoát Lam Lập Lĩnh Mẫn Nhựt Quyền Sáng Sinh Thạnh Thế Thiên Thuật Tưởng Ân Đăng ' +
  'Bằng Biên Cương Doanh Đại Đoàn Hạnh Hiếu Hoạt Khang Kha Lương Nhân Pháp Phụng Quảng Sâm Tạo Thân Thọ Tiền ' +
  'Toại Tráng Triết Trưởng Tuân Tuyển Văn Viên Vịnh Yên Bắc Đô Hân Khởi Lễ Mãi Nhạc Phiên Soái Tấn Thục Trác Ý'
)
  .split(' ')
  .filter((n, i, all) => all.indexOf(n) === i);

/** Girls' given names, most popular first (over 150). */
export const GIVEN_FEMALE: readonly string[] = (
  'Anh Linh Ngọc Hân Vy Trang Thảo Chi My Hà Nhi Hương Huyền Mai Lan Hằng Nhung Phương Giang Hoa ' +
  'Yến Uyên Trâm Quỳnh Ngân Nga Diệp Dung Duyên Hạnh Hiền Hồng Hoài Hường Khánh Khuê Kim Lam Liên Liễu ' +
  'Loan Ly Mỹ Na Nguyệt Nhàn Nhã Như Oanh Phượng Quyên Sen Tâm Thanh Thắm Thơ Thu Thủy Thúy Thư Tiên ' +
  'Trà Trinh Tú Tuyết Tuyền Vân Xuân Xoan Yên An Bích Cúc Châu Cẩm Diễm Đào Gấm Hải Hiên Hòa Hoan Huệ ' +
  'Kiều Lài Lệ Lụa Mơ Mận Mến Miên Ngà Nhạn Nương Phấn Sương Tình Tươi Vui Ánh Bình Dịu Đan Hạ Hảo ' +
  'Hợp Khanh Lành Lâm Lựu Minh Ngát Nhài Nhiên Phúc Quế Sa Thoa Thùy Thương Trúc Tường Vi Viên Diệu ' +
  'Băng Chinh Dương Điệp Hậu Hồng Huế Huyên Khải Lãm Loan Lộc Luyến Mẫn Mừng Ngần Nhiều Ninh Phụng Quyền ' +
  'San Thịnh Thuận Thục Tiền Toàn Trầm Trầm Tuyến Ưng Vĩ Xinh Yến Hiếu Hằng Kha Lê Lợi Nhớ Nhường Sáng Thêm'
)
  .split(' ')
  .filter((n, i, all) => all.indexOf(n) === i);
