import { createContext, useContext } from 'react';
import type { Profile } from './session';

export const ProfileContext = createContext<Profile | null>(null);

/** The signed-in user; screens render only inside the signed-in layout. */
export function useProfile(): Profile {
  const profile = useContext(ProfileContext);
  if (!profile) throw new Error('no signed-in user');
  return profile;
}
