import { AdminLayout, type AdminChrome } from './admin-layout.js';

export function LoginPage(props: { chrome: AdminChrome; csrfToken: string; email: string; next: string }): JSX.Element {
  return (
    <AdminLayout chrome={props.chrome} title="Sign in">
      <h1>Sign in</h1>
      <form method="post" action="/admin/login" class="admin-form narrow">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <input type="hidden" name="next" value={props.next} />
        <label for="email">E-mail</label>
        <input id="email" name="email" type="email" autocomplete="username" required value={props.email} />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <button type="submit">Sign in</button>
      </form>
      <p>
        <a href="/admin/forgot">Forgot password?</a>
      </p>
    </AdminLayout>
  );
}

export function SetupPage(props: { chrome: AdminChrome; csrfToken: string; email: string; displayName: string }): JSX.Element {
  return (
    <AdminLayout chrome={props.chrome} title="Set up">
      <h1>Set up the newsroom</h1>
      <p>Create the first administrator. This page closes once anyone can sign in.</p>
      <form method="post" action="/admin/setup" class="admin-form narrow">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <label for="displayName">Name as shown in bylines</label>
        <input id="displayName" name="displayName" required maxlength="120" value={props.displayName} />
        <label for="email">E-mail</label>
        <input id="email" name="email" type="email" autocomplete="username" required value={props.email} />
        <label for="password">Password (at least 10 characters)</label>
        <input id="password" name="password" type="password" autocomplete="new-password" required minlength="10" maxlength="4096" />
        <button type="submit">Create administrator</button>
      </form>
    </AdminLayout>
  );
}

export function PasswordPage(props: { chrome: AdminChrome }): JSX.Element {
  return (
    <AdminLayout chrome={props.chrome} title="Change password">
      <h1>Change your password</h1>
      <form method="post" action="/admin/password" class="admin-form narrow">
        <input type="hidden" name="_csrf" value={props.chrome.csrfToken ?? ''} />
        <label for="current">Current password</label>
        <input id="current" name="current" type="password" autocomplete="current-password" required />
        <label for="next">New password (at least 10 characters)</label>
        <input id="next" name="next" type="password" autocomplete="new-password" required minlength="10" />
        <button type="submit">Change password</button>
      </form>
    </AdminLayout>
  );
}

export function MessagePage(props: { chrome: AdminChrome; title: string; message: string; link?: { href: string; label: string } }): JSX.Element {
  const link = props.link ?? { href: '/admin', label: 'Back to the newsroom' };
  return (
    <AdminLayout chrome={props.chrome} title={props.title}>
      <h1 safe>{props.title}</h1>
      <p safe>{props.message}</p>
      <p>
        <a href={link.href} safe>
          {link.label}
        </a>
      </p>
    </AdminLayout>
  );
}

export function ProfilePage(props: {
  chrome: AdminChrome;
  displayName: string;
  bio: string;
  slug: string;
  avatar?: string;
  twoStep: { on: boolean; recoveryCodesLeft: number };
}): JSX.Element {
  return (
    <AdminLayout chrome={props.chrome} title="Your profile">
      <h1>Your profile</h1>
      <form method="post" action="/admin/profile" class="admin-form narrow">
        <input type="hidden" name="_csrf" value={props.chrome.csrfToken ?? ''} />
        <label for="displayName">Name as shown in bylines</label>
        <input id="displayName" name="displayName" required maxlength="120" value={props.displayName} />
        <label for="slug">Address of your author page (/author/…)</label>
        <input id="slug" name="slug" required maxlength="96" value={props.slug} />
        <label for="bio">Bio (shown on your author page)</label>
        <textarea id="bio" name="bio" maxlength="2000" safe>
          {props.bio}
        </textarea>
        <button type="submit">Save profile</button>
      </form>
      <h2>Portrait</h2>
      {props.avatar ? <img class="thumbnail" src={props.avatar} alt="Your current portrait" width="160" height="160" /> : <p>No portrait yet.</p>}
      <form method="post" action="/admin/profile/avatar" enctype="multipart/form-data" class="admin-form narrow">
        <input type="hidden" name="_csrf" value={props.chrome.csrfToken ?? ''} />
        <label for="avatar">Picture (JPEG, PNG, WebP, GIF or AVIF)</label>
        <input id="avatar" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/gif,image/avif" required />
        <button type="submit" class="secondary">Upload portrait</button>
      </form>
      <h2>Signing in</h2>
      <p>
        Two-step sign-in is <strong>{props.twoStep.on ? 'on' : 'off'}</strong>
        {props.twoStep.on ? ` (${props.twoStep.recoveryCodesLeft} recovery codes left)` : ''}.{' '}
        <a href="/admin/profile/two-step">{props.twoStep.on ? 'Manage two-step sign-in' : 'Set up two-step sign-in'}</a>
      </p>
      <p>
        <a href="/admin/password">Change your password</a>
      </p>
      <form method="post" action="/admin/sessions/end-all" class="admin-form narrow">
        <input type="hidden" name="_csrf" value={props.chrome.csrfToken ?? ''} />
        <p class="hint">Lost a phone or used a shared computer? This signs you out on every device, this one included.</p>
        <button type="submit" class="secondary">Sign out everywhere</button>
      </form>
    </AdminLayout>
  );
}
