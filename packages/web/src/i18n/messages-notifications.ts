/**
 * Texts of a user's notifications (the bell in the header) and of where reminders go (the reporting
 * contacts page). Vietnamese first; merged into i18n/messages.ts. A notification's own title comes
 * from the server in both languages.
 */
export const notificationsVi = {
  ntfBell: 'Thông báo',
  ntfBellUnread: 'Thông báo ({n} chưa đọc)',
  ntfTitle: 'Thông báo',
  ntfNone: 'Chưa có thông báo nào.',
  ntfUnread: 'chưa đọc',
  ntfMarkAllRead: 'Đánh dấu đã đọc tất cả',
  ntfLoadFailed: 'Không tải được thông báo: {message}',
  ntfJustNow: 'vừa xong',
  ntfMinutesAgo: '{n} phút trước',
  ntfHoursAgo: '{n} giờ trước',

  ctcTitle: 'Địa chỉ nhận nhắc báo cáo',
  ctcIntro:
    'Nhắc báo cáo được gửi trong hệ thống và bằng thư điện tử tới hộp thư báo cáo của đơn vị; đơn vị trễ hạn quá số ngày đặt ở đây thì được báo lên thủ trưởng.',
  ctcColEmail: 'Thư điện tử nhận báo cáo',
  ctcColHeadName: 'Thủ trưởng',
  ctcColHeadEmail: 'Thư điện tử thủ trưởng',
  ctcColEscalate: 'Báo lên thủ trưởng khi trễ',
  ctcEscalateDays: 'sau {n} ngày',
  ctcNever: 'Không',
  ctcEdit: 'Sửa địa chỉ của {name}',
  ctcEditTitle: 'Địa chỉ nhận nhắc — {name}',
  ctcEscalateLabel: 'Báo lên thủ trưởng khi trễ quá (ngày)',
  ctcEscalateHint: 'Từ 1 đến 365; để trống nếu không báo lên thủ trưởng.',
  ctcBadEmail: 'Địa chỉ thư không hợp lệ',
  ctcBadDays: 'Số ngày là số nguyên từ 1 đến 365, hoặc để trống',
  ctcNameTooLong: 'Tên dài quá 200 ký tự',
  ctcSaved: 'Đã lưu địa chỉ của {name}.',
  ctcNoneShown: 'Không có đơn vị nào phù hợp.',
  ctcLink: 'Địa chỉ nhận nhắc báo cáo',
  ctcKindAgency: 'Cơ quan',
  ctcKindCommune: 'Xã, phường',
};

export const notificationsEn: Partial<Record<keyof typeof notificationsVi, string>> = {
  ntfBell: 'Notifications',
  ntfBellUnread: 'Notifications ({n} unread)',
  ntfTitle: 'Notifications',
  ntfNone: 'No notifications yet.',
  ntfUnread: 'unread',
  ntfMarkAllRead: 'Mark all read',
  ntfLoadFailed: 'Could not load notifications: {message}',
  ntfJustNow: 'just now',
  ntfMinutesAgo: '{n} min ago',
  ntfHoursAgo: '{n} h ago',

  ctcTitle: 'Reminder contacts',
  ctcIntro:
    "Reminders go in the app and by e-mail to each body's reporting mailbox; a body late beyond the days set here is escalated to its head.",
  ctcColEmail: 'Reporting e-mail',
  ctcColHeadName: 'Head',
  ctcColHeadEmail: "Head's e-mail",
  ctcColEscalate: 'Escalate when late',
  ctcEscalateDays: 'after {n} days',
  ctcNever: 'Never',
  ctcEdit: 'Edit the contacts of {name}',
  ctcEditTitle: 'Reminder contacts — {name}',
  ctcEscalateLabel: 'Escalate to the head after (days late)',
  ctcEscalateHint: 'From 1 to 365; empty for never.',
  ctcBadEmail: 'Invalid e-mail address',
  ctcBadDays: 'Days must be a whole number from 1 to 365, or empty',
  ctcNameTooLong: 'Name longer than 200 characters',
  ctcSaved: 'Saved the contacts of {name}.',
  ctcNoneShown: 'No body matches.',
  ctcLink: 'Reminder contacts',
  ctcKindAgency: 'Agency',
  ctcKindCommune: 'Commune',
};
