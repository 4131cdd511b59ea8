#define _XOPEN_SOURCE 700
#include <stdio.h>
#include <wchar.h>
#include <locale.h>
int main(void){
  if(!setlocale(LC_ALL,"C.UTF-8")) return 1;
  int prev=-2; long start=0;
  for(long c=0;c<=0x110000;c++){
    int w = c<0x110000 ? wcwidth((wchar_t)c) : -3;
    if(c>=0xD800&&c<=0xDFFF) w=-1;
    if(w!=prev){ if(prev==0||prev==2) printf("%d 0x%lX 0x%lX\n",prev,start,c-1); prev=w; start=c; }
  }
}
