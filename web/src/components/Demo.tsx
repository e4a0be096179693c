/** DEMO: made-up values are always marked, with a badge and a note. */
export function DemoBadge() {
  return (
    <span class="badge demo" title="Påhittat demovärde, inte publicerat">
      DEMO
    </span>
  );
}

export function DemoNote() {
  return (
    <p class="demo-note">
      <DemoBadge /> Demovärden är påhittade exempelvärden från navets demodata, inte publicerade resultat. De visas bara när ”Visa demovärden” är ikryssat.
    </p>
  );
}
