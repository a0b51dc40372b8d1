import type { NotificationDto, NotificationListReply, NotificationReadReply } from '@tre/core';
import { z } from 'zod';
import type { Expect, Same } from '../http/contract.ts';

/** The notification routes' zod schemas, checked against core/notifications/notifications-api.ts at compile time. */
export const NotificationSchema = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.object({ vi: z.string(), en: z.string() }),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const NotificationListReplySchema = z.object({ items: z.array(NotificationSchema), unread: z.number() });

export const NotificationReadReplySchema = z.object({ unread: z.number() });

export const NotificationIdParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export type ContractChecks = [
  Expect<Same<z.infer<typeof NotificationSchema>, NotificationDto>>,
  Expect<Same<z.infer<typeof NotificationListReplySchema>, NotificationListReply>>,
  Expect<Same<z.infer<typeof NotificationReadReplySchema>, NotificationReadReply>>,
];
