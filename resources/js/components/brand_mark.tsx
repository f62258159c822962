/** The Stageflow mark and name, as the layouts show it. */
export function BrandName() {
  return (
    <>
      <span className="brand-mark" aria-hidden="true">
        <svg width="18" height="18" viewBox="0 0 32 32">
          <path
            d="M5 24h7v-8h8V8h7"
            stroke="white"
            strokeWidth="3.5"
            fill="none"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </span>
      Stageflow
    </>
  )
}
