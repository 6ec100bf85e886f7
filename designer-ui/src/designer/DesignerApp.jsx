import { SignedIn } from '../shared/SignIn.jsx';

// Placeholder shell: the flow designer (issue 6) is built here.
export function DesignerApp() {
  return (
    <SignedIn app="designer">
      {(session) => (
        <main>
          <h1>Cobra</h1>
          <p data-testid="signed-in-as">{session.user.username}</p>
        </main>
      )}
    </SignedIn>
  );
}
