import { shownIdNumber } from '../idNumber';
import { useProfile } from '../profile';

/** An ID number as the signed-in user may see it (masked for every role that must not see it in full). */
export function IdNumber({ value }: { value?: string | null }) {
  const profile = useProfile();
  return <span data-testid="id-number">{shownIdNumber(value, profile.roles)}</span>;
}
