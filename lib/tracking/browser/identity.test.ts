import { describe, expect, it } from "vitest";
import { hasAmplifySession as authHasAmplifySession } from "../../auth/amplify-cookies.ts";
import { hasAmplifySession } from "./identity.ts";

describe("hasAmplifySession", () => {
  it("says what lib/auth says, without the bundle loading it", () => {
    const jars = [
      "",
      "cs_aid=x",
      "CognitoIdentityServiceProvider.client123.LastAuthUser=ada%40example.com",
      "cs_aid=x; CognitoIdentityServiceProvider.client123.LastAuthUser=ada",
      "cs_aid=x;CognitoIdentityServiceProvider.c.LastAuthUser=ada; cs_sid=y",
      "CognitoIdentityServiceProvider.client123.LastAuthUser=",
      "CognitoIdentityServiceProvider.client123.LastAuthUser=; cs_aid=x",
      "CognitoIdentityServiceProvider.client123.ada.idToken=eyJ",
      "CognitoIdentityServiceProvider..LastAuthUser=ada",
      "CognitoIdentityServiceProvider.a.b.LastAuthUser=ada",
      "xCognitoIdentityServiceProvider.client123.LastAuthUser=ada",
      "CognitoIdentityServiceProvider.client123.LastAuthUserX=ada",
    ];
    for (const jar of jars) expect([jar, hasAmplifySession(jar)]).toEqual([jar, authHasAmplifySession(jar)]);
    expect(jars.filter(hasAmplifySession)).toHaveLength(3);
  });
});
