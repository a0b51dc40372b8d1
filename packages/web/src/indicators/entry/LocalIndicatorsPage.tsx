/** Placeholder: built in the next commit. */
export default function LocalIndicatorsPage() {
  return null;
}
