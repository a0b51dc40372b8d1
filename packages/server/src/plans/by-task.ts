/** Rows of many tasks, looked up per task without scanning the whole list each time (plans have thousands). */
export function byTask<T extends { task_id: string }>(rows: T[]): (taskId: string) => T[] {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.task_id);
    if (list) list.push(r);
    else map.set(r.task_id, [r]);
  }
  return (taskId) => map.get(taskId) ?? [];
}
