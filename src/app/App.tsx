export function App() {
  return (
    <main>
      <h1>Campaign Canvas</h1>
    </main>
  );
}
