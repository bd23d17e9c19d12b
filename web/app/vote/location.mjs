// The voter's location, read from the browser and checked on this device against the
// municipality's boundary (the profile's boundary.geojson, through the core's geo.inside, in
// the vote module loaded here on first use) for a fast answer; the server checks it again. A browser can be told to report any location:
// this shows the voter is very likely in the city, nothing more (docs say so).
const TIMEOUT_MS = 20000;

/**
 * → {state: 'inside', location: {lat, lon}} | {state: 'outside', location} |
 *   {state: 'denied'} | {state: 'unavailable'} | {state: 'unsupported'}
 */
export async function locate(engine) {
  if (!navigator.geolocation) return { state: 'unsupported' };
  let position;
  try {
    position = await new Promise((resolve, reject) => navigator.geolocation.getCurrentPosition(resolve, reject,
      { enableHighAccuracy: false, timeout: TIMEOUT_MS, maximumAge: 60000 }));
  } catch (error) {
    return { state: error?.code === 1 ? 'denied' : 'unavailable' };
  }
  const location = { lat: position.coords.latitude, lon: position.coords.longitude };
  if (engine.bundle.boundary) await engine.civic.loadVote();
  return { state: insideMunicipality(engine, location) ? 'inside' : 'outside', location };
}

/** True when the point lies inside (or on) the profile's boundary (the vote module loaded). */
export function insideMunicipality(engine, { lat, lon }) {
  const boundary = engine.bundle.boundary;
  if (!boundary) return true;  // a profile without a boundary asks for no location check
  return engine.civic.call('geo.inside', { point: [lon, lat], polygon: boundary }).inside;
}
