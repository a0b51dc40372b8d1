/** Placeholder: built in the next commit. */
export default function IndicatorPage() {
  return null;
}
