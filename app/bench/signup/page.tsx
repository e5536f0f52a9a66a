"use client";

import { useActionState } from "react";
import { benchSignupAction } from "./action";

// Puts scenario 3's baseline action in the build (the bench posts to it directly).
export default function BenchSignup() {
  const [state, action] = useActionState(benchSignupAction, "");
  return (
    <main id="main">
      <form action={action} data-bench="signup">{state}</form>
    </main>
  );
}
