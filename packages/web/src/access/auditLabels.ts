import type { Language } from '@tre/core';

type Labels = Partial<Record<string, { vi: string; en: string }>>;

/** What each audited action is called in the audit log; an action this web does not know is shown as its code. */
const ACTIONS: Labels = {
  create: { vi: 'Tạo', en: 'Created' },
  update: { vi: 'Sửa', en: 'Changed' },
  delete: { vi: 'Xóa', en: 'Deleted' },
  import: { vi: 'Nhập tệp', en: 'Imported a file' },
  import_batch: { vi: 'Nhập số liệu (một đợt)', en: 'Imported figures (one batch)' },
  import_failed: { vi: 'Nhập tệp thất bại', en: 'Import failed' },
  retry: { vi: 'Nhập lại', en: 'Retried' },
  restore: { vi: 'Khôi phục dữ liệu', en: 'Restored the database' },
  signin: { vi: 'Đăng nhập', en: 'Signed in' },
  signin_failed: { vi: 'Đăng nhập sai', en: 'Failed sign-in' },
  signout: { vi: 'Đăng xuất', en: 'Signed out' },
  update_password: { vi: 'Đổi mật khẩu', en: 'Changed a password' },
  password_change_failed: { vi: 'Đổi mật khẩu thất bại', en: 'Failed password change' },
  deny: { vi: 'Bị từ chối', en: 'Refused' },
};

/** What each audited kind of object is called. */
const ENTITIES: Labels = {
  user: { vi: 'Người dùng', en: 'User' },
  agency: { vi: 'Cơ quan', en: 'Agency' },
  body_decision: { vi: 'Quyết định ghi nhớ về tên cơ quan', en: 'Remembered body decision' },
  setting: { vi: 'Thiết lập', en: 'Setting' },
  database: { vi: 'Cơ sở dữ liệu', en: 'Database' },
  data_value: { vi: 'Số liệu', en: 'Figures' },
  import_job: { vi: 'Việc nhập tệp', en: 'Import job' },
  indicator: { vi: 'Chỉ tiêu', en: 'Indicator' },
  measure_baseline: { vi: 'Số liệu gốc', en: 'Baseline' },
  measure_target: { vi: 'Mục tiêu', en: 'Target' },
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  plan_body: { vi: 'Cơ quan trong kế hoạch', en: 'Body of a plan' },
  plan_indicator_target: { vi: 'Chỉ tiêu của kế hoạch', en: 'Plan target' },
  plan_task: { vi: 'Nhiệm vụ', en: 'Task' },
  stored_file: { vi: 'Tệp', en: 'File' },
  task_progress: { vi: 'Tiến độ nhiệm vụ', en: 'Task progress' },
};

export const auditActionLabel = (action: string, lang: Language) => ACTIONS[action]?.[lang] ?? action;
export const auditEntityLabel = (entity: string, lang: Language) => ENTITIES[entity]?.[lang] ?? entity;
export const AUDITED_ENTITIES = Object.keys(ENTITIES);
