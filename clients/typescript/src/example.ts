// Type-checked usage (tsc --noEmit): log in, feed now, follow the command's progress live.
import { PawgraphClient } from "./client";
import { CommandUpdatedDocument, FeedNowDocument, LoginDocument } from "./gql/graphql";

export async function feedAndWatch(url: string, email: string, password: string, deviceId: string) {
  const anonymous = new PawgraphClient({ url });
  const { login } = await anonymous.request(LoginDocument, { input: { email, password } });
  if (!login.accessToken) throw new Error(login.userErrors.map((e) => e.message).join("; "));
  const client = new PawgraphClient({ url, token: login.accessToken });
  const progress = client.subscribe(CommandUpdatedDocument, { deviceId });
  const { feedNow } = await client.request(FeedNowDocument, { input: { deviceId, grams: 10 } });
  const statuses: string[] = [];
  for await (const event of progress) {
    const command = event.data?.commandUpdated;
    if (!command || command.id !== feedNow.command?.id) continue;
    statuses.push(command.status);
    if (command.finishedAt) break;
  }
  await client.close();
  return statuses;
}
