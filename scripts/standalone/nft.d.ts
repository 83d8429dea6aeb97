// The file tracer Next.js ships (@vercel/nft, compiled into next), as scripts/build-standalone.ts uses it.
declare module "next/dist/compiled/@vercel/nft/index.js" {
  const nft: {
    nodeFileTrace(
      files: string[],
      options: { base: string; processCwd: string },
    ): Promise<{ fileList: Set<string>; warnings: Set<Error> }>;
  };
  export default nft;
}
