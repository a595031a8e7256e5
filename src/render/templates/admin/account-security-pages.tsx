import { AdminLayout, type AdminChrome } from './admin-layout.js';

/** The second step of a two-step sign-in. */
export function CodePage(props: { chrome: AdminChrome; csrfToken: string; next: string }): JSX.Element {
  return (
    <AdminLayout chrome={props.chrome} title="Enter your code">
      <h1>Enter your code</h1>
      <p>Open your authenticator app and enter the 6-digit code it shows for this site, or one of your recovery codes.</p>
      <form method="post" action="/admin/login/code" class="admin-form narrow">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <input type="hidden" name="next" value={props.next} />
        <label for="code">Code</label>
        <input id="code" name="code" autocomplete="one-time-code" inputmode="text" required maxlength="64" />
        <button type="submit">Continue</button>
      </form>
      <p>
        <a href="/admin/login">Start again</a>
      </p>
    </AdminLayout>
  );
}

/** "Forgot password?": asks for the address, or says why reset by e-mail is not available. */
export function ForgotPage(props: { chrome: AdminChrome; csrfToken: string; available: boolean; sent: boolean }): JSX.Element {
  return (
    <AdminLayout chrome={props.chrome} title="Reset your password">
      <h1>Reset your password</h1>
      {!props.available ? (
        <>
          <p>This site cannot send e-mail, so passwords cannot be reset by e-mail here.</p>
          <p>
            Ask an administrator to set a new password for you. On the server, they can run{' '}
            <code>newsdesk user password --email you@example.com</code>.
          </p>
        </>
      ) : props.sent ? (
        <p>
          If an account uses that address, we have sent it a link to choose a new password. The link works once, for one hour. Nothing
          arrived? Check your spam folder, or ask an administrator.
        </p>
      ) : (
        <form method="post" action="/admin/forgot" class="admin-form narrow">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <label for="email">The e-mail address you sign in with</label>
          <input id="email" name="email" type="email" autocomplete="username" required maxlength="320" />
          <button type="submit">Send me a link</button>
        </form>
      )}
      <p>
        <a href="/admin/login">Back to sign-in</a>
      </p>
    </AdminLayout>
  );
}

/** The page a reset link opens: a new password, or why the link no longer works. */
export function ResetPage(props: { chrome: AdminChrome; csrfToken: string; token: string; live: boolean }): JSX.Element {
  return (
    <AdminLayout chrome={props.chrome} title="Choose a new password">
      <h1>Choose a new password</h1>
      {props.live ? (
        <form method="post" action="/admin/reset" class="admin-form narrow">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <input type="hidden" name="token" value={props.token} />
          <label for="password">New password (at least 10 characters)</label>
          <input id="password" name="password" type="password" autocomplete="new-password" required minlength="10" maxlength="4096" />
          <button type="submit">Set the new password</button>
        </form>
      ) : (
        <p>
          This link has expired or was already used. <a href="/admin/forgot">Ask for a new one</a>.
        </p>
      )}
    </AdminLayout>
  );
}

/** Setting up, or turning off, two-step sign-in. */
export function TwoStepPage(
  props: { chrome: AdminChrome } & (
    | { on: true; recoveryCodesLeft: number }
    | { on: false; secret: string; uri: string }
  ),
): JSX.Element {
  const csrf = <input type="hidden" name="_csrf" value={props.chrome.csrfToken ?? ''} />;
  return (
    <AdminLayout chrome={props.chrome} title="Two-step sign-in">
      <h1>Two-step sign-in</h1>
      {props.on ? (
        <>
          <p>
            Two-step sign-in is on: after your password, you enter a code from your authenticator app. You have{' '}
            {props.recoveryCodesLeft} unused recovery codes.
          </p>
          <h2>Turn it off</h2>
          <form method="post" action="/admin/profile/two-step/disable" class="admin-form narrow">
            {csrf}
            <label for="code">A code from your app, or a recovery code</label>
            <input id="code" name="code" autocomplete="one-time-code" required maxlength="64" />
            <button type="submit" class="secondary">Turn off two-step sign-in</button>
          </form>
        </>
      ) : (
        <>
          <p>
            After your password, you will also enter a 6-digit code from an authenticator app on your phone (any app that supports
            TOTP). Add this account to the app with the key below, or open the link on the phone itself.
          </p>
          <dl>
            <dt>Key (type it into the app)</dt>
            <dd>
              <code safe>{props.secret}</code>
            </dd>
            <dt>Set-up link</dt>
            <dd>
              <a href={props.uri}>
                <code safe>{props.uri}</code>
              </a>
            </dd>
          </dl>
          <form method="post" action="/admin/profile/two-step/enable" class="admin-form narrow">
            {csrf}
            <label for="code">The 6-digit code the app shows now</label>
            <input id="code" name="code" autocomplete="one-time-code" inputmode="numeric" required maxlength="6" />
            <button type="submit">Turn on two-step sign-in</button>
          </form>
        </>
      )}
      <p>
        <a href="/admin/profile">Back to your profile</a>
      </p>
    </AdminLayout>
  );
}

/** Shown once, right after two-step sign-in is turned on. */
export function RecoveryCodesPage(props: { chrome: AdminChrome; codes: readonly string[] }): JSX.Element {
  return (
    <AdminLayout chrome={props.chrome} title="Your recovery codes">
      <h1>Two-step sign-in is on</h1>
      <p>
        Keep these recovery codes somewhere safe, away from your phone. Each one signs you in once if you lose the app. They are
        shown only now.
      </p>
      <ul class="recovery-codes">
        {props.codes.map((code) => (
          <li>
            <code safe>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a href="/admin/profile">Back to your profile</a>
      </p>
    </AdminLayout>
  );
}
