// Lets a test look at the screen once what the fakes answered has been taken in.

/** Lets every promise that is already settled run its callbacks. */
export async function settle(): Promise<void> {
  for (let round = 0; round < 5; round += 1) await Promise.resolve();
}
