//! The mesomix binary: gather the environment, run, exit with the code the run chose.

use std::process::ExitCode;

fn main() -> ExitCode {
    mesomix::io::remove_temporaries_on_interrupt();
    let env = mesomix::app::Env::from_process();
    let exit = mesomix::app::run(
        std::env::args_os(),
        &env,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    exit.into()
}
