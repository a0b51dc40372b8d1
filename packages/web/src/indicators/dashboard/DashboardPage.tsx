/** Placeholder: built in the next commit. */
export default function DashboardPage() {
  return null;
}
