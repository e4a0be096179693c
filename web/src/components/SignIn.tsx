/** Inloggning: who is signed in (`viewer`), and the way to sign in that the hub offers. */
import { useState } from 'preact/hooks';
import { startOidcSignIn } from '../auth';
import { ROLE_WORDS, type Session } from '../session';

export function SignIn({ session, signedIn }: { session: Session; signedIn: boolean }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const viewer = session.data.viewer;
  const who = [ROLE_WORDS[viewer.role] ?? viewer.role, viewer.municipalityCode && `kommun ${viewer.municipalityCode}`, viewer.policeRegionCode && `polisregion ${viewer.policeRegionCode}`, viewer.localPoliceAreaId && `lokalpolisområde ${viewer.localPoliceAreaId}`]
    .filter(Boolean)
    .join(', ');
  return (
    <div class="signin">
      <span class="who" data-role={viewer.role}>
        {who}
      </span>
      {signedIn ? (
        <button type="button" onClick={() => session.signIn(null)}>
          Logga ut
        </button>
      ) : session.config.signIn === 'oidc' && session.config.oidc ? (
        <button type="button" onClick={() => void startOidcSignIn(session.config.oidc!)}>
          Logga in
        </button>
      ) : session.config.signIn === 'token' ? (
        <>
          <button type="button" aria-expanded={open} aria-controls="token-form" onClick={() => setOpen(!open)}>
            Logga in med token
          </button>
          {open && (
            <form
              id="token-form"
              class="token-form"
              onSubmit={(event) => {
                event.preventDefault();
                if (text.trim()) session.signIn(text.trim());
                setOpen(false);
                setText('');
              }}
            >
              <label for="token">Token (från npm run token)</label>
              <textarea id="token" rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} autoComplete="off" spellcheck={false} />
              <button type="submit">Logga in</button>
            </form>
          )}
        </>
      ) : null}
    </div>
  );
}
