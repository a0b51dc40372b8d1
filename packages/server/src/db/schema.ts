import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the tables created by ./migrations. */
type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, never, Date>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface ProvinceTable {
  code: string;
  name: string;
}

export interface ProvinceBefore2025Table {
  code: string;
  name: string;
}

export interface CommuneTable {
  code: string;
  name: string;
  type: string;
  province_code: string;
}

export interface CommunePredecessorTable {
  commune_code: string;
  old_code: string;
  old_name: string;
  extent: 'full' | 'partial';
}

export interface SettingTable {
  province_code: string;
  key: string;
  value: Json;
  updated_at: UpdatedAt;
}

export interface AgencyTable {
  id: Generated<string>;
  province_code: string;
  kind: string;
  short_name: string;
  full_name: string;
  aliases: ColumnType<string[], string[] | undefined, string[]>;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AppUserTable {
  id: Generated<string>;
  province_code: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  agency_id: string | null;
  commune_code: string | null;
  active: Generated<boolean>;
  failed_signins: Generated<number>;
  locked_until: Date | null;
  last_signin_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Date;
}

export interface AuditEventTable {
  id: Generated<number>;
  province_code: string;
  at: ColumnType<Date, never, never>;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string;
  before: Json;
  after: Json;
  ip: string | null;
}

export interface Database {
  province: ProvinceTable;
  province_before_2025: ProvinceBefore2025Table;
  commune: CommuneTable;
  commune_predecessor: CommunePredecessorTable;
  setting: SettingTable;
  agency: AgencyTable;
  app_user: AppUserTable;
  session: SessionTable;
  audit_event: AuditEventTable;
}
