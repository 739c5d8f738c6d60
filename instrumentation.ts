// Runs once when a server process starts, before it answers a request.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { stampPeerAddresses } = await import('./server/peer-address');
    stampPeerAddresses();
  }
}
