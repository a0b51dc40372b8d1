/** Placeholder: built in the next commit. */
export default function DataImportPage() {
  return null;
}
