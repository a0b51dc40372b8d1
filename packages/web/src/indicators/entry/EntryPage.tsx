/** Placeholder: built in the next commit. */
export default function EntryPage() {
  return null;
}
